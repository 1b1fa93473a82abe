"""Verifies a geodispatch job stream in hash-chain format 2 from its canonical bytes alone (docs/hash-chain.md).

Usage: python3 verify_chain.py canonical-v2.txt   (the test-vector file: lines "bytes <hex>" and "sha256 <hex>")
Standard library only.
"""
import hashlib, struct, sys

def verify(blocks):
    """blocks: the canonical bytes of one stream's events, in version order. Returns the head, or raises."""
    previous = bytes(32)
    for i, b in enumerate(blocks, start=1):
        if b[0] != 2:
            raise ValueError(f"event {i}: format {b[0]}, not 2")
        if b[2:34] != previous:
            raise ValueError(f"event {i}: previous hash does not match event {i - 1}")
        if struct.unpack(">q", b[34:42])[0] != i:
            raise ValueError(f"event {i}: version {struct.unpack('>q', b[34:42])[0]}")
        previous = hashlib.sha256(b).digest()
    return previous.hex()

lines = [l.split(" ", 1) for l in open(sys.argv[1], encoding="utf-8") if not l.startswith("#")]
blocks = [bytes.fromhex(v.strip()) for k, v in lines if k == "bytes"]
hashes = [v.strip() for k, v in lines if k == "sha256"]
assert [hashlib.sha256(b).hexdigest() for b in blocks] == hashes
print(len(blocks), "events verify, head", verify(blocks))
