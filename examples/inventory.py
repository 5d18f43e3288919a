"""A small inventory report: classes, properties, generators, closures,
exceptions, comprehensions and formatting, all run by tulip's core."""


class OutOfStock(Exception):
    def __init__(self, item, wanted):
        super().__init__(f"only {item.count} {item.name}(s) left, {wanted} wanted")
        self.item = item


class Item:
    def __init__(self, name, price, count):
        self.name, self.price, self.count = name, price, count

    @property
    def value(self):
        return self.price * self.count

    def take(self, n):
        if n > self.count:
            raise OutOfStock(self, n)
        self.count -= n
        return self.price * n

    def __repr__(self):
        return f"Item({self.name!r}, {self.price}, {self.count})"


def restocker(amount):
    def restock(item):
        item.count += amount
        return item
    return restock


def low_stock(items, threshold):
    for item in items:
        if item.count < threshold:
            yield item.name


stock = [Item("bolt", 0.25, 400), Item("nut", 0.1, 120), Item("gear", 12.5, 3), Item("belt", 7.0, 0)]
print(f"{'item':<6}{'price':>8}{'count':>7}{'value':>10}")
for it in sorted(stock, key=lambda i: i.value, reverse=True):
    print(f"{it.name:<6}{it.price:>8.2f}{it.count:>7}{it.value:>10.2f}")

print("low:", list(low_stock(stock, 10)))
try:
    stock[2].take(5)
except OutOfStock as e:
    print("error:", e)
    restocker(10)(e.item)
print("sold", stock[2].take(5), "->", stock[2])
totals = {it.name: round(it.value, 2) for it in stock if it.count}
print(totals, sum(totals.values()))
