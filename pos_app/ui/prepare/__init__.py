"""The staff's To prepare page: rewards claimed for pickup here, grouped by reward, marked
ready on the shelf (``model``, ``view``), printed as a pick list (``pick_list``)."""
