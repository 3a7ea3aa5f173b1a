# TIME_WAIT and orphaned FIN_WAIT2 over IPv4 and IPv6, with their CLOSE_WAIT peers kept by
# holder.py. These sockets expire after 60 s; the cases are few and run at once.
ip link set lo up
dir=$(mktemp -d "$SCENARIO_TMP/nts-netstat.XXXXXX")
setsid timeout 300 python3 "$SCENARIO_DIR/holder.py" "$dir/ready" </dev/null >/dev/null 2>&1 &
for _ in $(seq 100); do [ -e "$dir/ready" ] && break; sleep 0.1; done
[ -e "$dir/ready" ]
rm -rf "$dir"
