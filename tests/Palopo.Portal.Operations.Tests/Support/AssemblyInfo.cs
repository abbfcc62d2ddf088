// The tests start real portal processes on fixed loopback ports and measure crash behaviour on a
// two-core machine: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
