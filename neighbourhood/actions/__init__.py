"""The neighbour actions (buurtacties): a card, a treat or a wave tile for a
neighbour, asked for online or through a volunteer; the volunteers' queue,
the printing of approved cards and the WOPs' tile stock."""
