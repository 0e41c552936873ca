"""What keeps content from running code in visitors' browsers: the HTML allow-list articles are cleaned
with after rendering, what it removed (for `helpgen check`), and JSON that is safe inside <script>."""
from .policy import HtmlPolicy
from .sanitize import Removal, removals, sanitize
from .scriptjson import ScriptJSON, script_json

__all__ = ["HtmlPolicy", "Removal", "ScriptJSON", "removals", "sanitize", "script_json"]
