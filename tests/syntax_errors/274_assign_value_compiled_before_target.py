*a = (
    yield
)
