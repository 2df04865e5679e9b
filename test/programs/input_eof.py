# Nothing is typed into the program: input() meets the end of input, as under
# `python3 input_eof.py < /dev/null`.
print("asking for a name")
try:
    name = input("name? ")
except EOFError:
    print()
    print("no input: EOFError")
else:
    print("got", repr(name))
