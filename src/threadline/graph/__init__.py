"""Supply-chain and ownership graphs: read relation files, resolve parties, trace exposure, apply ownership rules."""
