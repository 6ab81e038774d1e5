package sim

// chatDesk tracks, for one pool in one replication, the staff members who
// are holding chats: how many each holds and of which queue. A staff member
// holding any chat counts as busy in the pool (they take no call), so the
// pool's utilisation counts them as busy whatever their load.
type chatDesk struct {
	agents []chatAgent
	free   []agentID // reusable agent slots
	// spare lists, per chat queue, agents with room for another chat.
	spare map[QueueID][]agentID
}

// agentID is a staff member's seat at a pool's chat desk.
type agentID int32

// noAgent is the agent of a contact that is not a chat.
const noAgent agentID = -1

type chatAgent struct {
	queue    QueueID
	slot     servedSlot
	load     int32 // chats held
	sparePos int32 // position in spare[queue], or -1
}

// open seats a free staff member at the chat desk for queue q, which they
// serve as ServedBy[slot].
func (d *chatDesk) open(q QueueID, slot servedSlot) agentID {
	var a agentID
	if n := len(d.free); n > 0 {
		a = d.free[n-1]
		d.free = d.free[:n-1]
	} else {
		d.agents = append(d.agents, chatAgent{})
		a = agentID(len(d.agents) - 1)
	}
	d.agents[a] = chatAgent{queue: q, slot: slot, sparePos: -1}
	return a
}

// take gives agent a one more chat; k is the queue's concurrency.
func (d *chatDesk) take(a agentID, k int) {
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
func (d *chatDesk) drop(a agentID, k int) bool {
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
func (d *chatDesk) spareFor(q QueueID) agentID {
	s := d.spare[q]
	if len(s) == 0 {
		return noAgent
	}
	return s[len(s)-1]
}

func (d *chatDesk) addSpare(a agentID) {
	ag := &d.agents[a]
	if ag.sparePos >= 0 {
		return
	}
	if d.spare == nil {
		d.spare = map[QueueID][]agentID{}
	}
	ag.sparePos = int32(len(d.spare[ag.queue]))
	d.spare[ag.queue] = append(d.spare[ag.queue], a)
}

func (d *chatDesk) removeSpare(a agentID) {
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

// seat is the queue agent a holds chats of, and the pool's place in its
// ServedBy.
func (d *chatDesk) seat(a agentID) (QueueID, servedSlot) {
	ag := &d.agents[a]
	return ag.queue, ag.slot
}

// hasRoom reports whether agent a holds fewer than k chats.
func (d *chatDesk) hasRoom(a agentID, k int) bool { return d.agents[a].load < int32(k) }
