#!/usr/bin/env python3
"""Fails when a real person's name from the French source documents appears in a tracked file.

The names themselves are not written here: only truncated SHA-256 hashes of their lower-case,
accent-folded forms (single surnames and "first last" pairs). Every word and every pair of
adjacent words of every file git tracks (or would track) is hashed and looked up.

Run: python3 scripts/check_no_real_names.py   (exit 1 and the file:line of each hit)
"""
import hashlib
import re
import subprocess
import sys
import unicodedata

FORBIDDEN = set("""
045a62baa42e5880
085c69e3f28d7a61
0a9c11e802a54553
0b554f649058f899
10a36545634996b1
2019f9a2c82de12f
25dd215f34f6e185
279eb906c49f2e4b
2c867e9164acd427
2e3857cf8e44f956
331573ce66cd1839
3912a5d5239b5107
483e28530fe6e2ce
4e1f903729f95941
573a574771c3d62d
68d4faf7511ac848
693950926882b579
73a8deb060cc0531
86ae2a84e533df6a
8a95e9a51d63b3e1
92e3bc15e293af56
96201757568bb6fc
a459793a894dae41
a56392e6aa92fb0b
af263f379e9d952d
b759aa7923db336e
bcdb590bcc20e028
c1f3f8d441600e4f
c26ea8ad43a3fe53
c7f7326d3aecfbc8
c999e8a6d282b2f1
cc36b841e705421b
d100c25e8f071b34
d5054426155709c0
d58c3280e2a9edbf
d59ad03f491a7ccf
dabeca812892d642
e052fc34e88ebe6f
e862e66d04b03ca1
ece139015f2fe230
ee1ba1575af08e36
f0df0cefd3daa45d
""".split())

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def main() -> int:
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        check=True, capture_output=True, text=True,
    ).stdout.splitlines()
    hits = []
    for path in files:
        try:
            with open(path, encoding="utf-8") as handle:
                lines = handle.readlines()
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        for number, line in enumerate(lines, 1):
            words = WORD.findall(fold(line))
            candidates = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
            if any(digest(c) in FORBIDDEN for c in candidates):
                hits.append(f"{path}:{number}")
    for hit in hits:
        print(f"real name from the sources found at {hit}", file=sys.stderr)
    print(f"names check: {len(files)} files scanned, {len(hits)} hits")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
