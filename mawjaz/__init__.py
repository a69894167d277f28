"""Mawjaz: a static site generator for a curated Arabic news digest about Libya.

The stages are the subpackages (ingest, entries, search, site, incremental, review) around the shared
core at this level; pipeline.py runs them in order and cli.py reads the command line.
"""
