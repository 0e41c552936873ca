"""JSON for inside <script>: one encoder for every payload helpgen bakes into a page.

`<`, `>` and `&` are written as \\u escapes, so no value can close the element (`</script>`), open a
comment (`<!--`) or be read as an entity; U+2028/2029 are escaped for older JavaScript parsers. The
result carries `__html__`, the markup protocol Jinja's autoescaping honours: templates print it as it is
without a `| safe` that could also be put on something else.
"""
from __future__ import annotations

import json
from typing import Any

_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                          "\u2028": "\\u2028", "\u2029": "\\u2029"})


class ScriptJSON(str):
    """JSON text already safe inside <script>; autoescaping leaves it alone."""

    def __html__(self) -> str:
        return str(self)


def script_json(data: Any) -> ScriptJSON:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return ScriptJSON(text.translate(_ESCAPES))
