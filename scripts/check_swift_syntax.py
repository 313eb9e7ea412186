#!/usr/bin/env python3
"""Parses Swift files with tree-sitter-swift and fails on any ERROR or MISSING node.

There is no Swift compiler on the machines that run `make test`: this is the syntax check of
the generated Swift bindings (types and semantics are NOT checked; see the README).

Usage: check_swift_syntax.py FILE.swift...

`@_documentation(...)` attributes are stripped first: uniffi emits them and the published
tree-sitter-swift grammar does not know this underscored attribute.
"""
import re
import sys

import tree_sitter
import tree_sitter_swift

DOC_ATTR = re.compile(r"@_documentation\([^)]*\)")


def problems(tree):
    """Yields (kind, row, column, text) for every ERROR or MISSING node."""
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            kind = "ERROR" if node.is_error else "MISSING"
            yield kind, node.start_point[0] + 1, node.start_point[1] + 1, node.type
        stack.extend(node.children)


def main(paths):
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))
    failed = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            source = DOC_ATTR.sub("", f.read())
        tree = parser.parse(source.encode("utf-8"))
        found = list(problems(tree))
        text_lines = source.splitlines()
        lines = len(text_lines)
        if found:
            failed += 1
            print(f"{path}: {len(found)} syntax problem(s)")
            for kind, row, col, typ in found[:20]:
                where = text_lines[row - 1].strip()[:100] if row <= lines else "<end of file>"
                print(f"  {kind} at {row}:{col} ({typ}): {where}")
        else:
            print(f"{path}: {lines} lines parsed, 0 ERROR/MISSING nodes")
    print(f"swift syntax: {len(paths) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
