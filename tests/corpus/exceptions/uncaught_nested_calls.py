# An uncaught exception raised three calls deep: one traceback entry per frame.
def load(config):
    return config["port"] * 2

def start(settings):
    port = load(settings["server"])
    return port

def main():
    settings = {"server": {"host": "localhost"}}
    print("starting")
    return start(settings)

main()
