foo(1)]
