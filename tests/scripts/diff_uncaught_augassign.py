# An augmented assignment that fails names the in-place operator.
totals = {"a": None}
print("start")
totals["a"] += 1
