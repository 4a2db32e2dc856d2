/**
 * Name parts for invented staff, reflecting Bradford's mix of communities.
 * Every person in the demo is a random combination: none is real.
 */
export const FIRST_NAMES = [
  'Aisha', 'Amir', 'Amina', 'Asif', 'Ayesha', 'Bilal', 'Farah', 'Faisal', 'Hamza', 'Hina', 'Imran', 'Iqra',
  'Javed', 'Kiran', 'Mariam', 'Mohammed', 'Nadia', 'Naveed', 'Nazia', 'Rizwan', 'Sadia', 'Saima', 'Shabana',
  'Tariq', 'Usman', 'Yasmin', 'Zara', 'Zubair', 'Priya', 'Rajesh', 'Sunita', 'Harpreet', 'Gurpreet', 'Manjit',
  'Anita', 'Deepak', 'Rahul', 'Sanjay', 'Nusrat', 'Rukhsana', 'Shahid', 'Abdul', 'Sophie', 'Emma', 'Olivia',
  'Amelia', 'Jessica', 'Hannah', 'Charlotte', 'Lucy', 'Rachel', 'Sarah', 'Laura', 'Rebecca', 'Claire', 'Joanne',
  'Nicola', 'Helen', 'Karen', 'Julie', 'Angela', 'Michelle', 'Louise', 'Gemma', 'Kirsty', 'Natalie', 'Stacey',
  'Danielle', 'Jade', 'Chloe', 'Megan', 'Bethany', 'Holly', 'Katie', 'Lauren', 'Amy', 'Zoe', 'Victoria',
  'Catherine', 'Margaret', 'Susan', 'Janet', 'Patricia', 'Deborah', 'Tracey', 'Lisa', 'Dawn', 'Andrea',
  'James', 'John', 'David', 'Michael', 'Paul', 'Mark', 'Andrew', 'Richard', 'Stephen', 'Peter', 'Daniel',
  'Thomas', 'Matthew', 'Christopher', 'Simon', 'Gareth', 'Craig', 'Darren', 'Lee', 'Wayne', 'Dean', 'Ryan',
  'Liam', 'Jack', 'Oliver', 'Harry', 'Samuel', 'Joseph', 'Benjamin', 'Adam', 'Jamie', 'Kieran', 'Connor',
  'Agnieszka', 'Katarzyna', 'Marta', 'Piotr', 'Tomasz', 'Pawel', 'Ewa', 'Andrzej', 'Monika', 'Lukasz',
  'Chidi', 'Ngozi', 'Oluwaseun', 'Adaeze', 'Tendai', 'Chipo', 'Kwame', 'Abena', 'Grace', 'Blessing', 'Precious',
  'Siobhan', 'Ciara', 'Declan', 'Niamh', 'Eilidh', 'Rhys', 'Sian', 'Dylan', 'Ffion', 'Bronwen',
] as const;

export const LAST_NAMES = [
  'Khan', 'Hussain', 'Ahmed', 'Ali', 'Akhtar', 'Iqbal', 'Mahmood', 'Rashid', 'Shah', 'Bibi', 'Begum', 'Hussein',
  'Malik', 'Aslam', 'Butt', 'Chaudhry', 'Mirza', 'Qureshi', 'Rehman', 'Sadiq', 'Saleem', 'Siddique', 'Younis',
  'Zaman', 'Patel', 'Sharma', 'Singh', 'Kaur', 'Gill', 'Sandhu', 'Kumar', 'Mistry', 'Parmar', 'Chohan', 'Uddin',
  'Miah', 'Rahman', 'Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Johnson', 'Walker', 'Wood', 'Robinson',
  'Thompson', 'Wright', 'White', 'Hall', 'Green', 'Clarke', 'Jackson', 'Lee', 'Harrison', 'Turner', 'Hill',
  'Marshall', 'Atkinson', 'Sutcliffe', 'Holroyd', 'Ackroyd', 'Priestley', 'Greenwood', 'Barraclough',
  'Haigh', 'Hirst', 'Illingworth', 'Mitchell', 'Firth', 'Booth', 'Shaw', 'Kershaw', 'Lister', 'Crowther',
  'Pickles', 'Town', 'Dawson', 'Hartley', 'Moorhouse', 'Sugden', 'Brear', 'Feather', 'Wadsworth', 'Midgley',
  'Kowalski', 'Nowak', 'Wisniewska', 'Zielinski', 'Lewandowska', 'Okafor', 'Adeyemi', 'Mensah', 'Moyo',
  'Ncube', 'Osei', 'Murphy', "O'Brien", 'Kelly', 'Byrne', 'Doyle', 'Evans', 'Davies', 'Hughes', 'Morgan',
  'Campbell', 'Stewart', 'MacDonald', 'Reid', 'Fraser', 'Robertson', 'Bennett', 'Cooper', 'Ward', 'Harper',
] as const;
