# Sockets of every kind held by holder.py (in the background, its life bounded by timeout):
# TCP listeners, established, unread data, unaccepted, FIN_WAIT1, FIN_WAIT2/CLOSE_WAIT, LAST_ACK, SYN_SENT,
# SYN_RECV under another user's listener; UDP, UDP-Lite, raw; UNIX stream/dgram/seqpacket with
# paths, abstract and unnamed names.
ip link set lo up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 10.1.0.1/24 dev v0
ip addr add 10.1.0.2/24 dev v1
ip -6 addr add 2001:db8::1/64 dev v0 nodad
ip -6 addr add 2001:db8:aaaa:bbbb:cccc:dddd:eeee:1/64 dev v0 nodad
ip link set v0 up
ip link set v1 up
# the peer of the SYN_RECV socket: a permanent neighbour with a MAC nobody has, so that the
# SYN-ACKs leave (and are ignored) instead of failing, which would end the request socket
ip neigh add 10.1.0.77 lladdr 02:00:00:00:00:77 dev v0 nud permanent
# a peer nobody answers for: a tun device without a reader drops what it is given
ip tuntap add mode tun tun0
ip addr add 10.9.0.1 peer 10.9.9.9 dev tun0
ip link set tun0 up
sysctl -q -w net.ipv4.tcp_syn_retries=100 net.ipv4.tcp_synack_retries=100
# the socket paths live in a directory of this run, in the namespace's own (removed with it)
dir=$(mktemp -d "$SCENARIO_TMP/nts-netstat.XXXXXX")
chmod 755 "$dir"
setsid timeout 900 python3 "$SCENARIO_DIR/holder.py" "$dir/ready" "$dir" </dev/null >/dev/null 2>&1 &
for _ in $(seq 100); do [ -e "$dir/ready" ] && break; sleep 0.1; done
[ -e "$dir/ready" ]
