"""Rendering: pure functions from the catalog to the text of every generated file (``render.site``)."""
