"""Sub-commands of the mtreview CLI, one module each (light imports only)."""
