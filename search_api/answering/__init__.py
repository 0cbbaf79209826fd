"""The answer layer: understand -> gather evidence -> compose -> check (see pipeline.py)."""
