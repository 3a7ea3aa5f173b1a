# A namespace with nothing configured (loopback down): no IPv4 route, and the IPv6 main and
# local tables holding only their null entries.
true
