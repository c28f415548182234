$h = @{ Name = 'disk'; Size = 100 }
$h.Name
$h['Size']
$h.Count
$h.ContainsKey('name')
$h.Color = 'red'
$h.Keys.Count
$o = [ordered]@{ b = 2; a = 1 }
$o
$o.Keys -join ','
