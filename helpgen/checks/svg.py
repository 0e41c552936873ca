"""Whether an SVG file is a plain image, read with an XML parser that reports everything a browser acts on.

A browser opening an .svg runs its scripts, follows an `<?xml-stylesheet?>` (XSLT can write any script,
under any file name), renders foreign XHTML, and resolves entities. Only a document whose root is an SVG
`<svg>` element, with no processing instruction, DOCTYPE or entity, no element from a namespace that can
act (XHTML, XSLT, MathML, or none at all outside metadata), no scripting or animation element, no event
handler and no link out of the image, is accepted.
"""
from __future__ import annotations

import xml.parsers.expat
from pathlib import Path

SVG = "http://www.w3.org/2000/svg"
_ACTIVE_NAMESPACES = {"http://www.w3.org/1999/xhtml": "XHTML", "http://www.w3.org/1999/XSL/Transform": "XSLT",
                      "http://www.w3.org/1998/Math/MathML": "MathML", "http://www.w3.org/2005/Atom": "Atom"}
_ACTIVE_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "animate",
                    "set", "animatemotion", "animatetransform", "discard"}
_RASTER = ("data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;")  # embedded bitmaps
_LINKS = {"href", "src", "action", "formaction", "data"}
MAX_BYTES = 5 * 1024 * 1024  # an icon or a diagram; beyond that, a PNG


class _Refused(Exception):
    pass


def svg_problem(path: Path) -> str:
    """Why the SVG at `path` is not a plain image ("" when it is)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"it cannot be read ({exc.strerror})"
    if len(data) > MAX_BYTES:
        return f"it is larger than {MAX_BYTES // (1024 * 1024)} MB"
    parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
    depth = [0]
    metadata = [0]  # how deep inside <metadata>, where editors keep RDF and their own notes

    def refuse(reason: str):
        raise _Refused(reason)

    def start(name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition("}")
        if depth[0] == 0 and (namespace != SVG or local != "svg"):
            refuse(f'its root <{local}> is not in the SVG namespace (xmlns="{SVG}")' if local == "svg" else
                   f"its root element is <{local}>, not an SVG <svg>")
        depth[0] += 1
        if namespace in _ACTIVE_NAMESPACES:
            refuse(f"it contains {_ACTIVE_NAMESPACES[namespace]} (<{local}>)")
        if local.lower() in _ACTIVE_ELEMENTS:
            refuse(f"it contains a <{local}> element")
        if namespace != SVG and not metadata[0] and local != "metadata" and namespace in ("", None):
            refuse(f"it contains <{local}> from no namespace")
        if local == "metadata":
            metadata[0] += 1
        for attribute, value in attributes.items():
            attr = attribute.rpartition("}")[2].lower()
            if attr.startswith("on"):
                refuse(f"<{local}> has an {attr}= event handler")
            if attr in _LINKS and not value.strip().startswith("#") and \
                    not (local == "image" and value.strip().lower().startswith(_RASTER)):
                refuse(f"<{local}> links to {value.strip()[:60]!r}")
            if attr == "style" and "url(" in value.replace(" ", "").lower() and "url(#" not in value.replace(" ", ""):
                refuse(f"<{local}> loads something from outside the image in its style")

    def end(name: str) -> None:
        depth[0] -= 1
        if name.rpartition("}")[2] == "metadata":
            metadata[0] -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.ProcessingInstructionHandler = lambda target, data: refuse(f"it has an <?{target} …?> instruction")
    parser.StartDoctypeDeclHandler = lambda *args: refuse("it declares a DOCTYPE")  # entities: XML bombs, files
    parser.EntityDeclHandler = lambda *args: refuse("it declares entities")
    parser.ExternalEntityRefHandler = lambda *args: refuse("it refers to an external entity")
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        return str(refused)
    except xml.parsers.expat.ExpatError as exc:
        return f"it is not well-formed XML ({xml.parsers.expat.ErrorString(exc.code)} at line {exc.lineno})"
    return ""

