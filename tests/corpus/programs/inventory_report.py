# An inventory system: dataclasses, sorting by several keys, grouping, a formatted table.
from dataclasses import dataclass, field

@dataclass
class Item:
    sku: str
    name: str
    qty: int
    price: float
    tags: list = field(default_factory=list)

    @property
    def value(self):
        return self.qty * self.price

@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int

stock = [
    Item("A-1", "widget", 120, 2.5, ["metal"]),
    Item("B-7", "gadget", 8, 19.99),
    Item("A-2", "gizmo", 0, 7.25, ["plastic", "sale"]),
    Item("C-3", "doohickey", 45, 1.1),
    Item("B-2", "thingamajig", 8, 4.0, ["sale"]),
]
print(stock[1])
print(Version(1, 2) < Version(1, 10), sorted([Version(2, 0), Version(1, 5)]), Version(1, 0) == Version(1, 0))
header = f"{'SKU':<5} {'Name':<12} {'Qty':>4} {'Price':>7} {'Value':>9}"
print(header)
print("-" * len(header))
for it in sorted(stock, key=lambda i: (-i.qty, i.name)):
    print(f"{it.sku:<5} {it.name:<12} {it.qty:>4} {it.price:>7.2f} {it.value:>9.2f}")
print("-" * len(header))
print(f"{'total':<31}{sum(i.value for i in stock):>9.2f}")
out_of_stock = [i.name for i in stock if i.qty == 0]
on_sale = [i.sku for i in stock if "sale" in i.tags]
print("out of stock:", out_of_stock, "on sale:", on_sale)
by_prefix = {}
for it in stock:
    by_prefix.setdefault(it.sku[0], []).append(it.name)
print(by_prefix)
try:
    Version(1, 0).major = 2
except Exception as e:
    print(type(e).__name__, e)
