"""Brent's root finder (bracketing: inverse quadratic interpolation, secant, bisection fallback).

Written from the textbook description (Brent 1973, "Algorithms for Minimization without
Derivatives", ch. 4); scipy is not a dependency of the project.
"""
from __future__ import annotations


def brent_root(f, a: float, b: float, xtol: float = 1e-6, maxiter: int = 100) -> tuple[float, int]:
    """A root of ``f`` in [a, b] where f(a), f(b) differ in sign; returns (root, evaluations)."""
    fa, fb = f(a), f(b)
    calls = 2
    if fa == 0:
        return a, calls
    if fb == 0:
        return b, calls
    if (fa > 0) == (fb > 0):
        raise ValueError("the root is not bracketed")
    if abs(fa) < abs(fb):
        a, b, fa, fb = b, a, fb, fa
    c, fc = a, fa
    d = e = b - a
    for _ in range(maxiter):
        if (fb > 0) == (fc > 0):  # keep the root between b and c
            c, fc = a, fa
            d = e = b - a
        if abs(fc) < abs(fb):
            a, b, c = b, c, b
            fa, fb, fc = fb, fc, fb
        tol = 2e-16 * abs(b) + xtol / 2
        m = (c - b) / 2
        if abs(m) <= tol or fb == 0:
            return b, calls
        if abs(e) >= tol and abs(fa) > abs(fb):
            s = fb / fa
            if a == c:  # secant step
                p, q = 2 * m * s, 1 - s
            else:  # inverse quadratic interpolation
                q_, r = fa / fc, fb / fc
                p = s * (2 * m * q_ * (q_ - r) - (b - a) * (r - 1))
                q = (q_ - 1) * (r - 1) * (s - 1)
            if p > 0:
                q = -q
            else:
                p = -p
            if 2 * p < min(3 * m * q - abs(tol * q), abs(e * q)):
                e, d = d, p / q  # accept the interpolation
            else:
                d = e = m  # bisect
        else:
            d = e = m
        a, fa = b, fb
        b += d if abs(d) > tol else (tol if m > 0 else -tol)
        fb = f(b)
        calls += 1
    return b, calls
