"""China Trade Support Tracker: YAML records in, Markdown pages out.

The flow runs one way: ``load`` (read and validate) -> ``Catalog`` (the model)
-> ``render`` (pure, Markdown strings) -> ``write`` (the only disk output).
Nothing here imports MkDocs; ``site_config/hooks.py`` is the thin MkDocs edge.
"""
