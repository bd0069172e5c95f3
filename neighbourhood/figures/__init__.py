"""The figures coordinators report to the municipality: the registry of
measures other apps register into, the Cijfers page and its charts."""
