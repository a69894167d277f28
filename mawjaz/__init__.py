"""Mawjaz: a static site generator for a curated Arabic news digest about Libya."""
