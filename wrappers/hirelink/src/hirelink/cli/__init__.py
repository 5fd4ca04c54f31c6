"""hirelink command-line entry points.

For now the demo; the `hirelink` command arrives with the operations catalog.
"""
