"""The MkDocs adapter: the only package that imports MkDocs or Material.

Plugin events in, engine calls out; the build pipeline, page workers, template reuse and the preview
server. Everything that is help-center logic lives outside this package, so another site engine can be
adopted without rewriting the product.
"""
