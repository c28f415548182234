$path = 'folder/sub/file.name.txt'
$path.Split('/')[-1]
[System.IO.Path]::GetExtension($path)
$path.LastIndexOf('/')
$path.ToUpper().Substring(0, 6)
'  x  '.TrimStart() + '|'
'abc'.ToCharArray() -join '-'
'Hello'[0]
'Hello'[-1]
'{0}' -f ('a', 'b' -join '')
