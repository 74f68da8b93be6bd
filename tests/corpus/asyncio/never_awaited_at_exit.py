import asyncio
async def main():
    print("hi")
main()
print("after")
x = main()
print("stored")
