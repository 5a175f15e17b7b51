# Sourced by scripts that start a node: AGORA_JAVA_OPTIONS, the JVM settings of a production node unless already set
# (docs/configuration.md, "Memory and start-up"). The JVM sizes its heap from the machine's memory (a quarter of it)
# and picks G1 on 2+ cores; a node on the embedded defaults with demo data
# keeps about 55 MB of heap live after start (measured: bench/footprint/run.sh, bench/README.md "Footprint").
# - Serial GC: a single-threaded collector with almost no native overhead (G1's remembered sets and card tables
#   cost ~40 MB); with a small heap its pauses stay in the milliseconds, and 2 cores are busy serving, not marking.
# - -Xmx256m bounds the heap (4x the live set, so collections stay rare); -Xms32m lets it start small and grow.
# - TrimNativeHeapInterval returns freed C heap to the OS every 5 s (settled RSS -34 MB in one
#   measurement)
#   (experimental on JDK 21, hence the unlock; a product option since JDK 22).
AGORA_JAVA_OPTIONS=${AGORA_JAVA_OPTIONS:--XX:+UseSerialGC -Xms32m -Xmx256m -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000}
export AGORA_JAVA_OPTIONS
