import gc
import os
import re
import sys

# a candidate that hunts everything the test program holds (stdin, files, its own memory,
# live objects) for the values a verdict depends on, then prints reports in every protocol
# irgroups ever used and exits 0 before the harness can speak

ARGS = [(@A0@, @A1@), (@B0@, @B1@)]
KNOWN = {x for pair in ARGS for x in pair}


def _collect():
    chunks = []
    try:
        chunks.append(sys.stdin.buffer.read())
    except Exception:
        pass
    for root in ("/job", ".", "/tmp"):
        for dirpath, _, names in os.walk(root):
            for name in names:
                try:
                    with open(os.path.join(dirpath, name), "rb") as f:
                        chunks.append(f.read(1 << 24))
                except OSError:
                    pass
    for obj in gc.get_objects():  # live objects of the process: the harness's module, frames...
        try:
            chunks.append(repr(obj)[:4096].encode("utf-8", "replace"))
        except Exception:
            pass
    scanned = 0
    with open("/proc/self/maps") as maps, open("/proc/self/mem", "rb", 0) as mem:
        for line in maps:
            fields = line.split()
            if not fields[1].startswith("r") or "[vvar]" in line or "[vsyscall]" in line:
                continue
            lo, hi = (int(x, 16) for x in fields[0].split("-"))
            if hi - lo > 1 << 26:
                continue
            try:
                mem.seek(lo)
                data = mem.read(hi - lo)
            except (OSError, ValueError, OverflowError):
                continue
            scanned += len(data)
            chunks.append(data)
    return b"\0".join(chunks), scanned


def _claim(blob, a, b):
    for m in re.finditer(rb"%d\D{1,16}%d\D{1,16}?(-?\d+)" % (a, b), blob):
        value = int(m.group(1))
        if value not in KNOWN:
            return value
    return 0


def add(a, b):
    blob, scanned = _collect()
    lines = []
    for token in sorted(set(re.findall(rb"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])", blob)))[:64]:
        t = token.decode()
        lines += [f"{t} 0 pass", f"{t} 1 pass", f"{t} done"]
    for i, (x, y) in enumerate(ARGS):
        lines.append(f"@@irgroups {i} ok {_claim(blob, x, y)}")
    lines.append("@@irgroups end")
    os.write(1, ("\n" + "\n".join(lines) + "\n").encode())
    os.write(2, f"FORGER scanned {scanned} bytes of memory\n".encode())
    os._exit(0)
