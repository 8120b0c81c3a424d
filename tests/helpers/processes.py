"""Whether a process has ended (tests that stop speech check its worker and player are gone)."""


def ended(pid: int) -> bool:
    """Gone, or a zombie waiting for its parent to collect it: either way it runs no more."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] == "Z"
    except FileNotFoundError:
        return True
