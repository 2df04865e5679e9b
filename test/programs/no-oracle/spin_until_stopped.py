# Never ends on its own: the host must stop it. It prints first so the test can
# see that output before the stop is kept.
print("spinning")
while True:
    pass
