x = {k: v async for k, v in y}
