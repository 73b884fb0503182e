__version__ = "0.1.0"

# PyTorch's CPU threads (GNU OpenMP in the Linux wheels) spin for a long while when they wait for each other. When
# another process holds a core, the spinning threads take the time the waited-for thread needs: on a 2-core machine
# with one busy process beside it, the demo's training steps took 10x as long. A short spin (GOMP_SPINCOUNT=10000)
# costs nothing measurable on an idle machine and cut that to 3.1x (bench/cpu_threads.py; the training chapter has the
# figures). OpenMP reads it once, when torch is first imported, so it takes effect only if ratsqa_nb is imported before
# torch (the command-line tools always are); a value the user set is kept.
import os as _os, sys as _sys
OMP_SPIN_APPLIED = "torch" not in _sys.modules and "GOMP_SPINCOUNT" not in _os.environ and "OMP_WAIT_POLICY" not in _os.environ
if "OMP_WAIT_POLICY" not in _os.environ: _os.environ.setdefault("GOMP_SPINCOUNT", "10000")
