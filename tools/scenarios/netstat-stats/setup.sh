# Counters moved by a little traffic on lo (traffic.py), which then stops.
ip link set lo up
python3 "$SCENARIO_DIR/traffic.py"
