"""The workflow contracts: names, inputs and results that the services starting a workflow
and the worker running it both import. Plain dataclasses and constants, no I/O."""
