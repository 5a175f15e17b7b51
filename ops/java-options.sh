# Sourced by scripts that start a node: AGORA_JAVA_OPTIONS, the JVM settings of a production node unless already set
# (docs/configuration.md, "Memory and start-up"). The JVM sizes its heap from the machine's memory (a quarter of it);
# a node on the embedded defaults with demo data keeps about 52 MB of heap live after start (measured:
# bench/footprint/run.sh, bench/README.md "Footprint").
# - -Xmx256m bounds the heap (4x the live set, so collections stay rare); -Xms32m lets it start small and grow.
# - G1 with G1PeriodicGCInterval: start-up and bursts of load grow the heap, and only a collector that collects when
#   idle gives it back. Serial GC has almost no structures of its own but never shrinks an idle heap: its settled RSS
#   was ~75 MB higher than G1's (~40 MB of G1 structures at this heap size) in the same measurement.
# - Min/MaxHeapFreeRatio 5/20: after a collection, keep at most 20 % of the heap free instead of 70 %.
# - TrimNativeHeapInterval returns freed C heap to the OS every 5 s (settled RSS -34 MB in one measurement)
#   (experimental on JDK 21, hence the unlock; a product option since JDK 22).
AGORA_JAVA_OPTIONS=${AGORA_JAVA_OPTIONS:--XX:+UseG1GC -Xms32m -Xmx256m -XX:G1PeriodicGCInterval=5000 -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=20 -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000}
export AGORA_JAVA_OPTIONS
