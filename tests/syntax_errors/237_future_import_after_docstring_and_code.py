"""doc"""
from __future__ import division
x = 1
from __future__ import annotations
