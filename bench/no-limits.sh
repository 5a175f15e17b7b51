#!/usr/bin/env bash
# Prints the server arguments that raise every fair-use limit out of reach. Capacity benchmarks send everything
# from one address (and the checkout bench from a few hundred users at full speed), which the default limits
# would rightly refuse; they measure the server, not the limiter. Usage: java -jar agora.jar $(bench/no-limits.sh)
for limit in sign-up login email writes checkout search reads anonymous-reads admin reports webhooks; do
  printf -- '--agora.rate-limits.%s.capacity=1000000000 ' "$limit"
done
