"""Reports over many tickets or a period: availability (outages against each target's
calendar) and compliance (targets met per priority and metric, judged against goals).

Imports ``slacalc._clock`` and below.
"""
