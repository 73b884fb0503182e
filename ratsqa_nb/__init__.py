__version__ = "0.1.0"

# PyTorch's CPU threads (GNU OpenMP) spin while they wait for each other. When another process holds a core, the
# spinning threads take the time the waited-for thread needs, and training slows down many times over (see the
# training chapter and bench/cpu_threads.py). Waiting passively costs little on an idle machine. OpenMP reads this
# once, when torch is first imported, so it only takes effect if ratsqa_nb is imported before torch; a value the
# user set is kept.
import os as _os, sys as _sys
OMP_POLICY_APPLIED = "torch" not in _sys.modules and "OMP_WAIT_POLICY" not in _os.environ
_os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
