"""The ``hirelink`` command (:mod:`hirelink.cli.main`) and its demo (:mod:`hirelink.cli.demo`).

The command runs catalog operations with stored credentials; the demo runs every
operation against the local stand-ins (it needs the ``hirelink[sandbox]`` extra).
"""
