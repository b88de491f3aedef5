"""Redaction for disclosure: policy, detectors, analyse (plan) and apply."""
