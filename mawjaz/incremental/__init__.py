"""Incremental builds: what changed since the last build, which outputs to make again, and the atomic swap.

Takes: the run's inputs (their digests), the SiteModel, and the manifest of the site in place.
Gives: a complete new site/, swapped in at once, and the manifest the next build compares with.
Never: leaves half a site in site/, or keeps an output whose inputs changed.

Nothing is imported here on purpose: a build that finds nothing to do reads only .inputs and
.manifest, and must not load the site stage (Jinja2, Babel, markdown-it) to learn it.
"""
