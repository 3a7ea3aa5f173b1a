# Nothing but lo: options, usage, version, errors, families the kernel lacks, modes that
# exclude each other; the listings are empty.
ip link set lo up
