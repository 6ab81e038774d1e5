package sim

// chatDesk tracks, for one pool in one replication, the staff members who
// are holding chats: how many each holds and of which queue. A staff member
// holding any chat counts as busy in the pool (they take no call), so the
// pool's utilisation counts them as busy whatever their load.
type chatDesk struct {
	agents []chatAgent
	free   []int32 // reusable agent slots
	// spare lists, per chat queue, agents with room for another chat.
	spare map[int32][]int32
}

type chatAgent struct {
	queue    int32
	slot     int32 // index of the pool in the queue's served_by
	load     int32 // chats held
	sparePos int32 // position in spare[queue], or -1
}

// open seats a free staff member at the chat desk for queue q, which they
// serve as ServedBy[slot].
func (d *chatDesk) open(q, slot int32) int32 {
	var a int32
	if n := len(d.free); n > 0 {
		a = d.free[n-1]
		d.free = d.free[:n-1]
	} else {
		d.agents = append(d.agents, chatAgent{})
		a = int32(len(d.agents) - 1)
	}
	d.agents[a] = chatAgent{queue: q, slot: slot, sparePos: -1}
	return a
}

// take gives agent a one more chat; k is the queue's concurrency.
func (d *chatDesk) take(a int32, k int) {
	ag := &d.agents[a]
	ag.load++
	if ag.load < int32(k) {
		d.addSpare(a)
	} else {
		d.removeSpare(a)
	}
}

// drop ends one of agent a's chats and reports whether they now hold none
// (and so leave the desk).
func (d *chatDesk) drop(a int32, k int) bool {
	ag := &d.agents[a]
	ag.load--
	if ag.load == 0 {
		d.removeSpare(a)
		d.free = append(d.free, a)
		return true
	}
	d.addSpare(a)
	return false
}

// spareFor returns an agent of queue q with room for another chat, or -1.
func (d *chatDesk) spareFor(q int32) int32 {
	s := d.spare[q]
	if len(s) == 0 {
		return -1
	}
	return s[len(s)-1]
}

func (d *chatDesk) addSpare(a int32) {
	ag := &d.agents[a]
	if ag.sparePos >= 0 {
		return
	}
	if d.spare == nil {
		d.spare = map[int32][]int32{}
	}
	ag.sparePos = int32(len(d.spare[ag.queue]))
	d.spare[ag.queue] = append(d.spare[ag.queue], a)
}

func (d *chatDesk) removeSpare(a int32) {
	ag := &d.agents[a]
	if ag.sparePos < 0 {
		return
	}
	s := d.spare[ag.queue]
	last := s[len(s)-1]
	s[ag.sparePos] = last
	d.agents[last].sparePos = ag.sparePos
	d.spare[ag.queue] = s[:len(s)-1]
	ag.sparePos = -1
}
