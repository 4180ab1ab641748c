"""An `include` line names a file that can't be included.

`include PATH` reads another map into this one. The path is relative to the
including file and may not be absolute nor lead outside the folder of the file
given to argmap (after resolving `..` and symbolic links). It is reported at
the include line when the file is missing, lies outside that folder, is not a
regular file (a folder, a FIFO, a device), can't be read, or would close an
include cycle (the message shows the chain). Such a target is never opened.

An `include` error stops the map from being built. It can't be switched off.

    include ../../secrets.argmap      <- include: leads outside the map's folder
"""

from ._base import recorded

ID = "include"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = False

check = recorded(ID)
